/**
 * Zod settings for the browser, imported by main.ts before anything that builds a schema. The page validates the
 * bundled scenario once and events one at a time: compiling zod's fast paths (with `new Function`) for every
 * object schema costs more than it saves there, on the way to the first view. Node (server, CLI, tests) keeps them.
 */
import { z } from "zod";

z.config({ jitless: true });
