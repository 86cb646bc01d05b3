/** The survey invitation email, in the Trigger Email extension's `mail/{id}` shape. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface InviteMail {
  to: string;
  message: { subject: string; text: string; html: string };
}

export function surveyInviteMail(args: { to: string; orderId: string; link: string }): InviteMail {
  const subject = "How did your order turn out?";
  const lines = ["Your order has been with you for a few days now.", "Was it what you expected? Two minutes of your time tell us, and tell the next buyer."];
  return {
    to: args.to,
    message: {
      subject,
      text: `${lines.join("\n\n")}\n\nAnswer here: ${args.link}\n\nOrder ${args.orderId}`,
      html: `${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}<p><a href="${escapeHtml(args.link)}">Answer the survey</a></p><p>Order ${escapeHtml(args.orderId)}</p>`,
    },
  };
}

/** The storefront route the link opens (web/src/features/feedback). */
export const surveyLink = (siteUrl: string, orderId: string, token: string) =>
  `${siteUrl.replace(/\/$/, "")}/survey/${encodeURIComponent(orderId)}?t=${encodeURIComponent(token)}`;
