/** The on-site question's callable and the visitor's "asked recently?" stamp, typed from the model. */
import { useEffect, useState } from "react";
import { doc } from "firebase/firestore";
import {
  AnswerSiteQuestionOutputSchema,
  Collections,
  mayAskSiteQuestion,
  SiteQuestionVisitorSchema,
  type AnswerSiteQuestionInput,
  type AnswerSiteQuestionOutput,
} from "@showroom/model";
import type { Timestamp } from "firebase/firestore";
import { callable } from "../../../lib/callables";
import { ensureShopper, useAuthUser } from "../../../lib/auth";
import { db } from "../../../lib/firebase";
import { useLiveDoc } from "../../../lib/live";

const answer = callable<AnswerSiteQuestionInput, AnswerSiteQuestionOutput>("answerSiteQuestion", AnswerSiteQuestionOutputSchema);

/** A visitor who has not signed in yet answers as a guest, like a shopper adding to the cart. */
export async function answerSiteQuestion(input: AnswerSiteQuestionInput): Promise<AnswerSiteQuestionOutput> {
  await ensureShopper();
  return answer(input);
}

function lastAskedMs(data: unknown): number | undefined {
  const parsed = SiteQuestionVisitorSchema.safeParse(data);
  return parsed.success ? (parsed.data.lastAt as Timestamp).toMillis() : undefined;
}

/**
 * Whether to show an on-site question now: not while loading, and not within
 * the cooldown after the visitor last answered or dismissed one (the server
 * refuses those answers anyway). A visitor with no session has never answered.
 */
export function useMayAskSiteQuestion(): boolean {
  const auth = useAuthUser();
  const uid = auth.status === "ready" ? (auth.user?.uid ?? null) : null;
  const visitor = useLiveDoc(uid ? doc(db, Collections.siteQuestionVisitors, uid) : null, lastAskedMs);
  const may = auth.status === "ready" && (!uid || (visitor.status === "ready" && mayAskSiteQuestion(visitor.data ?? undefined, Date.now())));
  // Once shown, the question stays for this mount: answering it stamps the visitor, and the thanks must not vanish with it.
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (may) setShown(true);
  }, [may]);
  return may || shown;
}
