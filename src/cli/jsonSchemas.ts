/** The generated JSON Schemas, by the file each is written to. */
import { z } from "zod";
import { rosterSchema, scenarioSchema } from "../sim/scenarioSchema.ts";

export function jsonSchemas(): Record<string, unknown> {
  return {
    "scenarios/scenario.schema.json": {
      title: "Case by Case scenario",
      ...z.toJSONSchema(scenarioSchema, { io: "input" }),
    },
    "scenarios/allies.schema.json": {
      title: "Case by Case ally roster",
      ...z.toJSONSchema(rosterSchema, { io: "input" }),
    },
  };
}
