/** A small document model for the printed guide and script: each block is one heading, text or list. */

export interface Block {
  h?: string; // a heading
  p?: string[]; // paragraphs
  say?: string[]; // lines the chair reads aloud
  note?: string[]; // stage directions for the chair or facilitator
  ul?: string[]; // a list
  qa?: { point: string; question: string }[]; // a teaching point and the question it raises
  links?: { label: string; hrefs: string[] }[]; // real references people can open
  table?: { head: string[]; rows: string[][] };
}
