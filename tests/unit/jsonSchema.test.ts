import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonSchemas } from "../../src/cli/jsonSchemas.ts";

describe("generated JSON Schemas", () => {
  it.each(Object.entries(jsonSchemas()))("%s is up to date (run npm run schema)", (file, schema) => {
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(schema);
  });
});
