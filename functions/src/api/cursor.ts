/**
 * Page cursors: the position after the page's last document (its id, and the
 * ordering timestamp in ms when the page is ordered by time), opaque to the caller.
 */
import { z } from "zod";
import { ApiProblem } from "./problem.js";

export const DEFAULT_PAGE_SIZE = 50;

const CursorSchema = z.object({ id: z.string().min(1), u: z.number().int().optional() });
export type Cursor = z.infer<typeof CursorSchema>;

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

export function decodeCursor(text: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new ApiProblem(400, "invalid", "cursor: not a cursor this API gave out", {
      issues: [{ path: ["cursor"], message: "Not a cursor this API gave out" }],
    });
  }
}
