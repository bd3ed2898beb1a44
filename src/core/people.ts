import type { Actor, PersonRef } from './actor.ts';
import { BotFailure } from './errors.ts';
import type { Directory } from './ports.ts';

/**
 * A person as typed (a mention, an e-mail address, `@name`) resolved to the Actor the directory
 * knows, on the asker's platform; an unknown or ambiguous person is the asker's error, in words.
 */
export async function resolvePerson(directory: Directory, ref: PersonRef, asker: Actor): Promise<Actor> {
  switch (ref.kind) {
    case 'mention': {
      const known = await directory.find(asker.platform, ref.userId);
      if (known) return known;
      return {
        platform: asker.platform,
        tenantId: asker.tenantId,
        userId: ref.userId,
        ...(ref.label ? { name: ref.label } : {}),
      };
    }
    case 'email': {
      const found = await directory.findByEmail(asker.platform, ref.email);
      if (!found) throw new BotFailure({ code: 'error.unknownPerson', params: { person: ref.email } });
      return found;
    }
    case 'name': {
      const found = await directory.findByName(asker.platform, ref.name);
      if (found.length === 1 && found[0]) return found[0];
      throw new BotFailure({
        code: found.length === 0 ? 'error.unknownPerson' : 'error.ambiguousPerson',
        params: { person: `@${ref.name}` },
      });
    }
  }
}

/** Every PersonRef among a command's args replaced by the Actor it names. */
export async function resolvePeople(directory: Directory, args: Readonly<Record<string, unknown>>, asker: Actor): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    out[key] = isPersonRef(value) ? await resolvePerson(directory, value, asker) : value;
  }
  return out;
}

function isPersonRef(value: unknown): value is PersonRef {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const kind = (value as { kind: unknown }).kind;
  return kind === 'mention' || kind === 'email' || kind === 'name';
}
