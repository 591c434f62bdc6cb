import { postToSlack, type TenantSlack } from '../shared/slack.js';
import { postMessage, type SlackMessageContent, type SlackMessageRef } from '../shared/slack-web-api.js';

/** How the approval message went out; only a bot post leaves a message Causeway can edit later. */
export type ApprovalPost = { via: 'chat.postMessage'; ref: SlackMessageRef } | { via: 'webhook' } | { via: 'none' };

/**
 * Sends the approval message the best way the tenant allows: through the bot when its
 * token and channel are set (the answer's channel and ts let the decision edit it), else
 * through the incoming webhook, else nowhere. Errors propagate typed (TransientError is
 * retried by ASL): an approval nobody is told about would wait in silence.
 */
export async function postApprovalMessage(slack: TenantSlack, message: SlackMessageContent, slackApiBaseUrl: string): Promise<ApprovalPost> {
  if (slack.bot) return { via: 'chat.postMessage', ref: await postMessage({ baseUrl: slackApiBaseUrl, token: slack.bot.token }, slack.bot.channel, message) };
  if (slack.webhookUrl) {
    await postToSlack(slack.webhookUrl, message);
    return { via: 'webhook' };
  }
  return { via: 'none' };
}
