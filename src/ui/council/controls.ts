/** What every action panel shares: the context it acts in and the measure checklists it builds. */
import { type MeasureId, measureById } from "../../sim/measures.ts";
import type { Session } from "../../sim/session.ts";
import type { SeatId } from "../../sim/state.ts";
import { h } from "../dom.ts";

export interface ActionContext {
  session: Session;
  you: SeatId;
  send(event: unknown): void;
  silenceLeft: number | null;
}

export const measureName = (m: MeasureId) => measureById(m).name;

export function checklist(
  name: string,
  legend: string,
  ids: readonly MeasureId[],
  checked: readonly MeasureId[],
): HTMLFieldSetElement {
  return h(
    "fieldset",
    { class: "checklist" },
    h("legend", {}, legend),
    ...ids.map((m) =>
      h(
        "label",
        {},
        h("input", { type: "checkbox", name, value: m, checked: checked.includes(m) }),
        ` ${measureName(m)}`,
      ),
    ),
  );
}

export function checkedValues(root: HTMLElement, name: string): MeasureId[] {
  return [...root.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((i) => i.value as MeasureId);
}
