import { z } from 'zod';
import { engagementTypes } from '../core/command.ts';
import { bodyKinds, matterKinds } from '../../workflows/approvals/ports.ts';

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'a Slack user id such as U0123ABCD');
const slackGroupId = z.string().regex(/^S[A-Z0-9]{2,}$/, 'a Slack user group id such as S0123ABCD');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-02');

export const governanceRuleSchema = z
  .object({
    matter: z.enum(matterKinds),
    engagementTypes: z.array(z.enum(engagementTypes)).min(1).optional(),
    body: z.enum(bodyKinds),
    after: z.enum(bodyKinds).optional(),
    reason: z.string().min(1),
  })
  .strict();

export const governanceBodySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a short lower-case id such as "ks"'),
    kind: z.enum(bodyKinds),
    name: z.string().min(1),
    /** For a committee: which committee it is, when its id differs. */
    committee: z.string().optional(),
    channel: z
      .object({
        slack: z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'a Slack channel id such as C0123ABCD').optional(),
        teams: z.string().min(3, 'a Teams conversation id such as 19:…@thread.tacv2').optional(),
      })
      .strict()
      .default({}),
    approvers: z
      .object({
        slack: z.array(slackUserId).default([]),
        slackGroups: z.array(slackGroupId).default([]),
        teams: z.array(z.string().min(3, 'an AAD object id or an e-mail address')).default([]),
      })
      .strict()
      .default({ slack: [], slackGroups: [], teams: [] }),
    meetings: z.array(isoDate).default([]),
  })
  .strict();

/**
 * The `governance:` section: the bodies that decide (with approvers and meeting dates) and the
 * rules of who decides what, from a preset (`tyreso`, `varmdo`, `kinda`) or written out.
 */
export const governanceConfigSchema = z
  .object({
    preset: z.enum(['tyreso', 'varmdo', 'kinda']).optional(),
    rules: z.array(governanceRuleSchema).optional(),
    bodies: z.array(governanceBodySchema).default([]),
    warnWorkingDays: z.number().int().min(0).max(60).default(5),
  })
  .strict()
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.bodies.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: ['bodies', i, 'id'], message: `body id "${b.id}" is used twice` });
      seen.add(b.id);
    });
  })
  .default({ bodies: [], warnWorkingDays: 5 });

export type GovernanceConfig = z.infer<typeof governanceConfigSchema>;
export type GovernanceRuleConfig = z.infer<typeof governanceRuleSchema>;
