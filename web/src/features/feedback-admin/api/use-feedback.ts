/** Live reads for the console's feedback pages (staff-read collections; rules refuse everyone else). */
import { collection, doc, limit, orderBy, query, serverTimestamp, updateDoc, where } from "firebase/firestore";
import type { Timestamp } from "firebase/firestore";
import { Collections, FeedbackSchema, FeedbackTaskSchema, ProductRatingSchema, type Feedback, type FeedbackTask, type ProductRating } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";

/** How many recent answers the results page reads: enough for trends, bounded for the browser. */
export const RESULTS_PAGE = 300;

export type AnswerRow = Feedback & { id: string; submittedAtMs: number };
export type TaskRow = FeedbackTask & { id: string };
export type RatingRow = ProductRating & { id: string };

const parseAnswer = (data: unknown, id: string): AnswerRow | null => {
  const parsed = FeedbackSchema.safeParse(data);
  return parsed.success ? { ...parsed.data, id, submittedAtMs: (parsed.data.submittedAt as Timestamp).toMillis() } : null;
};
const parseTask = (data: unknown, id: string): TaskRow | null => {
  const parsed = FeedbackTaskSchema.safeParse(data);
  return parsed.success ? { ...parsed.data, id } : null;
};
const parseRating = (data: unknown, id: string): RatingRow | null => {
  const parsed = ProductRatingSchema.safeParse(data);
  return parsed.success ? { ...parsed.data, id } : null;
};
const present = <T>(rows: (T | null)[]): T[] => rows.filter((r): r is T => r !== null);

export function useRecentAnswers() {
  const live = useLiveQuery(query(collection(db, Collections.feedback), orderBy("submittedAt", "desc"), limit(RESULTS_PAGE)), "feedback-recent", parseAnswer);
  return live.status === "ready" ? { ...live, data: present(live.data) } : live;
}

export function useOpenTasks() {
  const live = useLiveQuery(query(collection(db, Collections.feedbackTasks), where("status", "==", "open"), limit(100)), "feedback-tasks-open", parseTask);
  return live.status === "ready" ? { ...live, data: present(live.data) } : live;
}

export function useProductRatings() {
  const live = useLiveQuery(query(collection(db, Collections.productRatings), orderBy("count", "desc"), limit(100)), "product-ratings", parseRating);
  return live.status === "ready" ? { ...live, data: present(live.data) } : live;
}

/** Staff close a task (the rules allow exactly this change). */
export function markTaskDone(orderId: string): Promise<void> {
  return updateDoc(doc(db, Collections.feedbackTasks, orderId), { status: "done", updatedAt: serverTimestamp() });
}
