import { ConfigurationError } from '../shared/errors.js';
import { postToSlack, type TenantSlack } from '../shared/slack.js';
import { postMessage, type SlackMessageContent, type SlackMessageRef } from '../shared/slack-web-api.js';

/**
 * How the approval message went out; only a bot post leaves a message Causeway can edit
 * later. `botError` says why a configured bot was passed over for the webhook.
 */
export type ApprovalPost = { via: 'chat.postMessage'; ref: SlackMessageRef } | { via: 'webhook'; botError?: string } | { via: 'none' };

/**
 * Sends the approval message the best way the tenant allows: through the bot when its
 * token and channel are set (the answer's channel and ts let the decision edit it), else
 * through the incoming webhook, else nowhere. A bot Slack refuses for its setup (revoked
 * token, not in the channel) falls back to the webhook when there is one, since a message
 * that cannot be edited later beats no message. Other errors propagate typed
 * (TransientError is retried by ASL): an approval nobody is told about would wait in silence.
 */
export async function postApprovalMessage(slack: TenantSlack, message: SlackMessageContent, slackApiBaseUrl: string): Promise<ApprovalPost> {
  if (slack.bot) {
    try {
      return { via: 'chat.postMessage', ref: await postMessage({ baseUrl: slackApiBaseUrl, token: slack.bot.token }, slack.bot.channel, message) };
    } catch (error) {
      if (!(error instanceof ConfigurationError) || !slack.webhookUrl) throw error;
      await postToSlack(slack.webhookUrl, message);
      return { via: 'webhook', botError: error.message };
    }
  }
  if (slack.webhookUrl) {
    await postToSlack(slack.webhookUrl, message);
    return { via: 'webhook' };
  }
  return { via: 'none' };
}
