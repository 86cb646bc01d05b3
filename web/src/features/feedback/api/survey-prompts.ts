import { collection, query, where } from "firebase/firestore";
import { Collections, SurveyInviteSchema, type SurveyInvite } from "@showroom/model";
import { db } from "../../../lib/firebase";
import { useLiveQuery } from "../../../lib/live";

const parseInvite = (data: unknown): SurveyInvite | null => {
  const parsed = SurveyInviteSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/** The signed-in customer's sent, unanswered survey invitations (the account prompt), live. */
export function useSurveyPrompts(uid: string) {
  const live = useLiveQuery(query(collection(db, Collections.surveyInvites), where("uid", "==", uid)), `survey-prompts-${uid}`, parseInvite);
  return live.status === "ready" ? live.data.filter((i): i is SurveyInvite => i?.status === "sent") : [];
}
