// A web front end's view of the example service: every failure parsed with the module the
// Petnow catalog exports (docs/errors/petnow.ts), branching on typed codes as the seed's
// `handleApiError` does. Prints one JSON line per request for examples/tests/typescript.rs.

import {
  PetnowErrorCode,
  isPetnowErrorBody,
  parsePetnowErrorBody,
  petnowErrorCatalog,
  retryKindOf,
} from "../../docs/errors/petnow";

// Node's globals, declared rather than installed with @types/node.
declare const process: { readonly argv: string[]; exit(code: number): never };

/** What `handleApiError` says about a code: the compiler checks every case is a code. */
function handle(code: PetnowErrorCode): string {
  switch (code) {
    case "PETNOWB2B10000":
      return "Authentication error: Invalid API key";
    case "PETNOWB2B10001":
      return "Validation error";
    case "PETNOWB2B10005":
      return "Pet limit exceeded. Please upgrade your plan.";
    case "PETNOWB2B20000":
    case "PETNOWB2B20010":
      return "Resource not found";
    default:
      return `API error: ${code} (${petnowErrorCatalog[code].name})`;
  }
}

async function call(base: string, method: string, path: string, key: boolean, body?: unknown): Promise<void> {
  const headers: Record<string, string> = {};
  if (key) {
    headers["x-petnow-api-key"] = "demo-key";
  }
  if (body !== undefined) {
    headers["content-type"] = "application/json";
  }
  const response = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = parsePetnowErrorBody(json);
  const first = parsed?.errors[0];
  console.log(
    JSON.stringify({
      path,
      status: response.status,
      guard: isPetnowErrorBody(json),
      code: first?.code ?? null,
      name: first?.known?.name ?? null,
      handled: first?.known !== undefined ? handle(first.code as PetnowErrorCode) : null,
      details: first?.details ?? null,
      retry: retryKindOf(first?.code, response.status),
    }),
  );
}

async function main(): Promise<void> {
  const base = process.argv[2] ?? "http://127.0.0.1:3000";
  await call(base, "GET", "/v2/pets/pet_404", true);
  await call(base, "GET", "/v2/pets/pet_404", false);
  await call(base, "POST", "/v2/pets", true, { species: "BIRD", name: "Tweety" });
  await call(base, "GET", "/v2/pets/pet_legacy", true);
  await call(base, "GET", "/no/such/route", true);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
