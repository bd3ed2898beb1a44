export type Platform = 'slack' | 'teams';

/** A person as a platform knows them: (platform, workspace or tenant, user id). */
export interface Actor {
  readonly platform: Platform;
  /** Slack team id or Teams tenant id. */
  readonly tenantId: string;
  /** Slack user id, or the Teams user's channel account id (29:…). */
  readonly userId: string;
  readonly name?: string;
  readonly email?: string;
  /** Teams only: the Entra ID (AAD) object id, which configuration uses to name people. */
  readonly aadObjectId?: string;
}

export function actorKey(actor: Pick<Actor, 'platform' | 'tenantId' | 'userId'>): string {
  return `${actor.platform}:${actor.tenantId}:${actor.userId}`;
}

/**
 * The same person, on one platform or across Slack and Teams: the same account, or the same
 * verified e-mail address (Slack users.info, the Teams member look-up).
 */
export function samePerson(a: Actor, b: Actor, links: readonly PersonLink[] = []): boolean {
  if (actorKey(a) === actorKey(b)) return true;
  if (!!a.email && !!b.email && a.email.toLowerCase() === b.email.toLowerCase()) return true;
  return links.some((link) => isLinked(link, a) && isLinked(link, b));
}

/** A person's two accounts named in the configuration: a Slack user id, a Teams AAD id or e-mail. */
export interface PersonLink {
  readonly slack: string;
  readonly teams: string;
}

function isLinked(link: PersonLink, actor: Actor): boolean {
  if (actor.platform === 'slack') return actor.userId === link.slack;
  const named = link.teams.toLowerCase();
  return [actor.aadObjectId, actor.email].some((id) => !!id && id.toLowerCase() === named);
}

/** How a message names a person before the adapter resolves it to an Actor. */
export type PersonRef =
  | { readonly kind: 'mention'; readonly userId: string; readonly label?: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'name'; readonly name: string };

/** Where a message goes: a channel or group conversation, or a person's direct messages. */
export type Target =
  | { readonly kind: 'conversation'; readonly platform: Platform; readonly conversationId: string; readonly tenantId?: string }
  | { readonly kind: 'user'; readonly platform: Platform; readonly userId: string; readonly tenantId?: string };

export function targetKey(target: Target): string {
  return target.kind === 'conversation'
    ? `${target.platform}:c:${target.conversationId}`
    : `${target.platform}:u:${target.userId}`;
}

export function userTarget(actor: Actor): Target {
  return { kind: 'user', platform: actor.platform, userId: actor.userId, tenantId: actor.tenantId };
}

export function uniqueTargets(targets: readonly Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = targetKey(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
