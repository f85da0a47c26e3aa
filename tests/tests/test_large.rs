//! A catalog of hundreds of variants, whose matches the derive splits into chains of functions
//! (`split::ARMS` arms each): every variant still answers with its own descriptor, message,
//! details, headers, inner error, body and example, on both sides of every split.

// One step of `large!` for every five variants.
#![recursion_limit = "256"]

use api_error_core::envelope::{Member, Shape, Value};
use api_error_core::{ApiError, RequestContext};

/// A body with a place for everything the variants have.
const SHAPE: Shape = Shape::new(&[Member::new(
    "error",
    Value::Object(&[
        Member::new("code", Value::Code),
        Member::new("message", Value::Message),
        Member::new("details", Value::Details),
        Member::new("innererror", Value::Inner),
    ]),
)]);

/// The inner error of the variants that have one.
#[derive(Debug, ApiError)]
#[api(envelope = SHAPE, code_case = "snake_case", status = 400)]
enum Cause {
    #[api(message = "cause {0}")]
    Cause(u32),
}

/// `Large`, with five variants of different forms for every five names, in declaration
/// order, and `all()`, one value of each, the `n`-th holding `n`.
macro_rules! large {
    (@ [$($done:tt)*] [$($values:tt)*] $n:expr;) => {
        #[derive(Debug, ApiError)]
        #[api(envelope = SHAPE, code_case = "SCREAMING_SNAKE_CASE")]
        enum Large {
            $($done)*
        }

        fn all() -> Vec<Large> {
            vec![$($values)*]
        }
    };
    (
        @ [$($done:tt)*] [$($values:tt)*] $n:expr;
        $a:ident $b:ident $c:ident $d:ident $e:ident $($rest:ident)*
    ) => {
        large!(@ [
            $($done)*
            #[api(status = 404, message = "nothing here")]
            $a,
            #[api(status = 409, message = "conflict on {0}")]
            $b(u32),
            #[api(status = 422, message = "invalid {id}")]
            $c {
                id: u32,
                #[api(details)]
                problems: Vec<String>,
            },
            #[api(status = 429, message = "slow down for {seconds}s")]
            $d {
                #[api(retry_after)]
                seconds: u32,
            },
            #[api(status = 400, message = "caused by {0}")]
            $e(u32, #[api(inner)] Option<Box<Cause>>),
        ] [
            $($values)*
            Large::$a,
            Large::$b($n + 1),
            Large::$c { id: $n + 2, problems: vec![format!("problem {}", $n + 2)] },
            Large::$d { seconds: $n + 3 },
            Large::$e($n + 4, Some(Box::new(Cause::Cause($n + 4)))),
        ] $n + 5; $($rest)*);
    };
    ($($names:ident)*) => {
        large!(@ [] [] 0; $($names)*);
    };
}

large!(
    A000 A001 A002 A003 A004 A005 A006 A007 A008 A009 A010 A011 A012 A013 A014 A015 A016 A017
    A018 A019 A020 A021 A022 A023 A024 A025 A026 A027 A028 A029 A030 A031 A032 A033 A034 A035
    A036 A037 A038 A039 A040 A041 A042 A043 A044 A045 A046 A047 A048 A049 A050 A051 A052 A053
    A054 A055 A056 A057 A058 A059 A060 A061 A062 A063 A064 A065 A066 A067 A068 A069 A070 A071
    A072 A073 A074 A075 A076 A077 A078 A079 A080 A081 A082 A083 A084 A085 A086 A087 A088 A089
    A090 A091 A092 A093 A094 A095 A096 A097 A098 A099 A100 A101 A102 A103 A104 A105 A106 A107
    A108 A109 A110 A111 A112 A113 A114 A115 A116 A117 A118 A119 A120 A121 A122 A123 A124 A125
    A126 A127 A128 A129 A130 A131 A132 A133 A134 A135 A136 A137 A138 A139 A140 A141 A142 A143
    A144 A145 A146 A147 A148 A149 A150 A151 A152 A153 A154 A155 A156 A157 A158 A159 A160 A161
    A162 A163 A164 A165 A166 A167 A168 A169 A170 A171 A172 A173 A174 A175 A176 A177 A178 A179
    A180 A181 A182 A183 A184 A185 A186 A187 A188 A189 A190 A191 A192 A193 A194 A195 A196 A197
    A198 A199 A200 A201 A202 A203 A204 A205 A206 A207 A208 A209 A210 A211 A212 A213 A214 A215
    A216 A217 A218 A219 A220 A221 A222 A223 A224 A225 A226 A227 A228 A229 A230 A231 A232 A233
    A234 A235 A236 A237 A238 A239 A240 A241 A242 A243 A244 A245 A246 A247 A248 A249 A250 A251
    A252 A253 A254 A255 A256 A257 A258 A259 A260 A261 A262 A263 A264 A265 A266 A267 A268 A269
    A270 A271 A272 A273 A274 A275 A276 A277 A278 A279 A280 A281 A282 A283 A284 A285 A286 A287
    A288 A289 A290 A291 A292 A293 A294 A295 A296 A297 A298 A299 A300 A301 A302 A303 A304 A305
    A306 A307 A308 A309 A310 A311 A312 A313 A314 A315 A316 A317 A318 A319 A320 A321 A322 A323
    A324 A325 A326 A327 A328 A329 A330 A331 A332 A333 A334 A335 A336 A337 A338 A339 A340 A341
    A342 A343 A344 A345 A346 A347 A348 A349 A350 A351 A352 A353 A354 A355 A356 A357 A358 A359
    A360 A361 A362 A363 A364 A365 A366 A367 A368 A369 A370 A371 A372 A373 A374 A375 A376 A377
    A378 A379 A380 A381 A382 A383 A384 A385 A386 A387 A388 A389 A390 A391 A392 A393 A394 A395
    A396 A397 A398 A399 A400 A401 A402 A403 A404 A405 A406 A407 A408 A409 A410 A411 A412 A413
    A414 A415 A416 A417 A418 A419 A420 A421 A422 A423 A424 A425 A426 A427 A428 A429 A430 A431
    A432 A433 A434 A435 A436 A437 A438 A439 A440 A441 A442 A443 A444 A445 A446 A447 A448 A449
    A450 A451 A452 A453 A454 A455 A456 A457 A458 A459 A460 A461 A462 A463 A464 A465 A466 A467
    A468 A469 A470 A471 A472 A473 A474 A475 A476 A477 A478 A479 A480 A481 A482 A483 A484 A485
    A486 A487 A488 A489 A490 A491 A492 A493 A494 A495 A496 A497 A498 A499 A500 A501 A502 A503
    A504 A505 A506 A507 A508 A509 A510 A511 A512 A513 A514 A515 A516 A517 A518 A519 A520 A521
    A522 A523 A524 A525 A526 A527 A528 A529 A530 A531 A532 A533 A534 A535 A536 A537 A538 A539
    A540 A541 A542 A543 A544 A545 A546 A547 A548 A549 A550 A551 A552 A553 A554 A555 A556 A557
    A558 A559 A560 A561 A562 A563 A564 A565 A566 A567 A568 A569 A570 A571 A572 A573 A574 A575
    A576 A577 A578 A579 A580 A581 A582 A583 A584 A585 A586 A587 A588 A589 A590 A591 A592 A593
    A594 A595 A596 A597 A598 A599 A600 A601 A602 A603 A604 A605 A606 A607 A608 A609 A610 A611
    A612 A613 A614 A615 A616 A617 A618 A619 A620 A621 A622 A623 A624 A625 A626 A627 A628 A629
    A630 A631 A632 A633 A634 A635 A636 A637 A638 A639 A640 A641 A642 A643 A644 A645 A646 A647
    A648 A649 A650 A651 A652 A653 A654 A655 A656 A657 A658 A659 A660 A661 A662 A663 A664 A665
    A666 A667 A668 A669 A670 A671 A672 A673 A674 A675 A676 A677 A678 A679 A680 A681 A682 A683
    A684 A685 A686 A687 A688 A689 A690 A691 A692 A693 A694 A695 A696 A697 A698 A699
);

/// The number of variants: each method's match has more than one run.
const COUNT: usize = 700;

/// What the `n`-th variant (holding `n`) writes, by its form.
fn expected(n: usize) -> (u16, String, String) {
    let code = format!("A{n:03}");
    match n % 5 {
        0 => (404, code, "nothing here".into()),
        1 => (409, code, format!("conflict on {n}")),
        2 => (422, code, format!("invalid {n}")),
        3 => (429, code, format!("slow down for {n}s")),
        _ => (400, code, format!("caused by {n}")),
    }
}

#[test]
fn every_variant_has_its_own_descriptor_and_message() {
    let all = all();
    assert_eq!(all.len(), COUNT);
    assert_eq!(Large::CATALOG.len(), COUNT);
    for (n, error) in all.iter().enumerate() {
        let (status, code, message) = expected(n);
        assert_eq!(error.status().as_u16(), status, "{code}");
        assert_eq!(error.code().to_string(), code);
        assert_eq!(error.message().to_string(), message, "{code}");
        assert_eq!(Large::CATALOG.descriptors()[n].code(), error.code());
    }
}

#[test]
fn details_headers_and_inner_errors_on_both_sides_of_every_split() {
    let context = RequestContext::new();
    for (n, error) in all().iter().enumerate() {
        let body: serde_json::Value =
            serde_json::from_str(&error.to_json_string(&context)).unwrap();
        let body = &body["error"];
        assert_eq!(body["code"], format!("A{n:03}"));
        assert_eq!(body["message"], expected(n).2);
        let retry_after = error.headers().find(|(name, _)| *name == "retry-after");
        match n % 5 {
            2 => assert_eq!(body["details"], serde_json::json!([format!("problem {n}")])),
            3 => assert_eq!(retry_after.unwrap().1.to_string(), n.to_string()),
            4 => assert_eq!(body["innererror"]["message"], format!("cause {n}")),
            _ => {
                assert!(body.get("details").is_none() && body.get("innererror").is_none());
                assert!(retry_after.is_none());
            }
        }
        if n % 5 != 3 {
            assert!(retry_after.is_none());
        }
    }
}

#[test]
fn examples_in_declaration_order() {
    let codes: Vec<String> = Large::examples()
        .iter()
        .map(|example| example.code().to_string())
        .collect();
    let expected: Vec<String> = (0..COUNT).map(|n| format!("A{n:03}")).collect();
    assert_eq!(codes, expected);
}
