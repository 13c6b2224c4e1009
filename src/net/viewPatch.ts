/**
 * Views that carry only what changed. After a connection's first (complete) view, the server sends each
 * connection an update: the fields of the view that changed since the previous one it sent that connection, and
 * the session state as a patch — the values that changed, each at its path. The server diffs (`diffInto`);
 * every client merges an update into the view it has (`mergeView`) and gets exactly the complete view the server
 * would have sent. docs/protocol.md describes the format.
 */
import type { PatchOp, PatchPath, ViewFrame, ViewMessage } from "./protocol.ts";

type Plain = Record<string, unknown>;
const isPlain = (x: unknown): x is Plain => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Appends to `out` the operations that turn `before` into `after`: objects key by key (a key gone is a
 * delete), arrays of the same length index by index, anything else replaced whole where it differs. `path`
 * is where `before` sits; it is used as a stack while walking and is as it was on return. Values that are the
 * same object are not walked (the server's states share what did not change).
 */
export function diffInto(before: unknown, after: unknown, path: PatchPath, out: PatchOp[]): void {
  if (before === after) return;
  if (isPlain(before) && isPlain(after)) diffObjects(before, after, path, out);
  else if (Array.isArray(before) && Array.isArray(after) && before.length === after.length)
    diffArrays(before, after, path, out);
  else if (!sameLeaf(before, after)) out.push([[...path], after]);
}

const isObject = (x: unknown): x is object => typeof x === "object" && x !== null;

function diffObjects(before: Plain, after: Plain, path: PatchPath, out: PatchOp[]): void {
  const keys = Object.keys(after);
  let kept = 0; // keys of `after` that `before` has too: fewer than all of `before`'s means some were deleted
  for (const key of keys) {
    const a = after[key];
    const b = before[key];
    if (b === undefined && !Object.hasOwn(before, key)) {
      out.push([[...path, key], a]);
      continue;
    }
    kept++;
    if (a === b) continue;
    if (isObject(a) && isObject(b)) {
      path.push(key);
      diffInto(b, a, path, out);
      path.pop();
    } else out.push([[...path, key], a]);
  }
  const beforeKeys = Object.keys(before);
  if (kept < beforeKeys.length)
    for (const key of beforeKeys) if (!Object.hasOwn(after, key)) out.push([[...path, key]]);
}

function diffArrays(before: readonly unknown[], after: readonly unknown[], path: PatchPath, out: PatchOp[]): void {
  for (let i = 0; i < after.length; i++) {
    const a = after[i];
    const b = before[i];
    if (a === b) continue;
    if (isObject(a) && isObject(b)) {
      path.push(i);
      diffInto(b, a, path, out);
      path.pop();
    } else out.push([[...path, i], a]);
  }
}

/** Equal leaves (numbers, strings, booleans, null), or an empty object or array on both sides. */
function sameLeaf(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 && b.length === 0;
  if (isPlain(a) && isPlain(b)) return Object.keys(a).length === 0 && Object.keys(b).length === 0;
  return false;
}

/** A copy of `base` with the operations applied; what they do not touch is shared with `base`, never changed. */
export function applyPatch<T>(base: T, patch: readonly PatchOp[]): T {
  let root: unknown = base;
  for (const op of patch) root = applyOne(root, op[0], 0, op);
  return root as T;
}

function applyOne(node: unknown, path: PatchPath, at: number, op: PatchOp): unknown {
  if (at === path.length) return op[1];
  const key = path[at] as string | number;
  const copy: Plain | unknown[] = Array.isArray(node) ? [...node] : isPlain(node) ? { ...node } : {};
  const holder = copy as Record<string | number, unknown>;
  if (at === path.length - 1 && op.length === 1) {
    delete holder[key];
    return copy;
  }
  holder[key] = applyOne(holder[key], path, at + 1, op);
  return copy;
}

/** Whether a view message is complete (the first of a connection) rather than an update of the previous one. */
export const isCompleteView = (frame: ViewFrame): frame is ViewMessage => "state" in frame;

/**
 * The complete view after `frame`: the frame itself when it is complete, else the view it updates (`previous`,
 * the last complete view this connection built) with the fields it carries and its state patch applied. The
 * log is left as the frame has it (entries from `log.from` on): the caller appends them to the log it keeps.
 */
export function mergeView(previous: ViewMessage | null, frame: ViewFrame): ViewMessage {
  if (isCompleteView(frame)) return frame;
  if (!previous) throw new Error("a view update arrived before any complete view");
  const { patch, ...fields } = frame;
  return { ...previous, ...fields, state: applyPatch(previous.state, patch) };
}
