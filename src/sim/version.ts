/** Versions written into every record and snapshot. Bump ENGINE_VERSION when rules change outcomes. */
export const ENGINE_VERSION = "0.2.0";
export const RECORD_FORMAT = 1;
