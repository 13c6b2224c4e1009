/**
 * Writes the JSON Schemas of the scenario and roster files, generated from the zod schemas, so editors can
 * validate scenario files as they are written.   npm run schema   (a test fails when they are stale)
 */
import { writeFileSync } from "node:fs";
import { jsonSchemas } from "./jsonSchemas.ts";

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
