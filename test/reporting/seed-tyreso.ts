import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { TEST_TENANT_ID } from '../support/teams-activities.ts';

/**
 * The year of the coordinator's memo in seed 000 (Tyresö, 2016) as the bot would have recorded
 * it: the ICLD partnership with Theewaterskloof, the twin towns Savigny-le-Temple and Cesis, the
 * EU project DigiIT and the Nordplus applications from the upper-secondary school and the arts school.
 */
export const tyresoConfig = {
  municipality: { name: 'Tyresö kommun', language: 'sv', timeZone: 'Europe/Stockholm', reminderTime: '08:00' },
  coordinator: { people: { slack: ['U0COORD'] }, channel: { slack: 'C0INTL' } },
  committees: [
    { id: 'ks', name: 'Kommunstyrelsen', channel: { slack: 'C0KS' } },
    { id: 'kfn', name: 'Kultur- och fritidsnämnden', channel: { slack: 'C0KFN' } },
    { id: 'sn', name: 'Socialnämnden', channel: { slack: 'C0SN' } },
    { id: 'bun', name: 'Barn- och utbildningsnämnden', channel: { slack: 'C0BUN' } },
  ],
  allow: { slackTeams: ['T0TYRESO'], teamsTenants: [TEST_TENANT_ID] },
};

const mette = { platform: 'slack', tenantId: 'T0TYRESO', userId: 'U0METTE', name: 'Mette Kjørstad' };
const mats = { platform: 'slack', tenantId: 'T0TYRESO', userId: 'U0MATS', name: 'Mats Fält' };
const at = '2016-01-10T09:00:00.000Z';

export async function seedTyreso2016(db: Kysely<Database>): Promise<void> {
  const engagement = async (e: { title: string; type: string; committee: string; partner?: string; country?: string; funder?: string; start?: string; end?: string; status: string }) => {
    const row = await db
      .insertInto('engagements')
      .values({
        title: e.title,
        type: e.type,
        committee_id: e.committee,
        partner: e.partner ?? null,
        country: e.country ?? null,
        funder: e.funder ?? null,
        start_date: e.start ?? null,
        end_date: e.end ?? null,
        contact_key: null,
        contact_json: null,
        status: e.status,
        created_by_key: 'slack:T0TYRESO:U0METTE',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const icld = await engagement({ title: 'Partnerskap Theewaterskloof', type: 'partnership', committee: 'ks', partner: 'Theewaterskloof', country: 'ZA', funder: 'ICLD (Sida)', start: '2011-03-01', status: 'running' });
  const savigny = await engagement({ title: 'Vänort Savigny-le-Temple', type: 'twin-town', committee: 'kfn', partner: 'Savigny-le-Temple', country: 'FR', start: '1986-06-01', status: 'running' });
  const cesis = await engagement({ title: 'Vänort Cesis', type: 'twin-town', committee: 'kfn', partner: 'Cesis', country: 'LV', start: '1991-05-01', status: 'running' });
  await engagement({ title: 'DigiIT', type: 'eu-project', committee: 'sn', funder: 'Europeiska socialfonden', start: '2015-12-01', end: '2018-11-30', status: 'running' });
  const bygg = await engagement({ title: 'Nordplus byggprogrammet–Cesis', type: 'nordplus', committee: 'bun', partner: 'Cesis', country: 'LV', funder: 'Nordplus', start: '2016-08-15', end: '2017-06-15', status: 'running' });
  const kulturskolan = await engagement({ title: 'Nordplus Kulturskolan–Cesis', type: 'nordplus', committee: 'kfn', partner: 'Cesis', country: 'LV', funder: 'Nordplus', status: 'closed', start: '2016-01-01', end: '2016-04-30' });

  const application = async (engagementId: number, call: string, status: string, createdAt: string, submittedAt: string | null, amount: number | null) =>
    (
      await db
        .insertInto('applications')
        .values({
          engagement_id: engagementId,
          call_text: call,
          call_id: null,
          closes_on: null,
          amount,
          prestudy: 0,
          matter: 'application',
          body: 'ks',
          consult_body: null,
          rule_text: null,
          status,
          requested_by_key: 'slack:T0TYRESO:U0METTE',
          requested_by_json: JSON.stringify(mette),
          created_at: createdAt,
          updated_at: createdAt,
          submitted_at: submittedAt,
          closed_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const decide = (applicationId: number, reference: string, decidedAt: string) =>
    db
      .insertInto('decisions')
      .values({ application_id: applicationId, round: 1, body: 'ks', outcome: 'approved', reference, comment: '', decided_by_key: 'slack:T0TYRESO:U0KSORD', decided_by_json: JSON.stringify({ platform: 'slack', tenantId: 'T0TYRESO', userId: 'U0KSORD', name: 'KS ordförande' }), decided_at: decidedAt })
      .execute();

  const renhallning = await application(icld, 'ICLD kommunalt partnerskap: renhållning', 'denied', '2016-02-20T10:00:00.000Z', '2016-03-15T10:00:00.000Z', 450000);
  await decide(renhallning, 'KS § 31, 2016.045', '2016-03-01T14:00:00.000Z');
  const servicenter = await application(icld, 'ICLD kommunalt partnerskap: Servicenter', 'denied', '2016-02-20T10:05:00.000Z', '2016-03-15T10:05:00.000Z', 380000);
  await decide(servicenter, 'KS § 32, 2016.046', '2016-03-01T14:05:00.000Z');
  const styrgrupp = await application(icld, 'ICLD politisk styrgrupp', 'denied', '2016-02-20T10:10:00.000Z', '2016-03-15T10:10:00.000Z', 200000);
  await decide(styrgrupp, 'KS § 33, 2016.047', '2016-03-01T14:10:00.000Z');
  const byggApp = await application(bygg, 'Nordplus Junior', 'granted', '2016-01-20T10:00:00.000Z', '2016-02-01T10:00:00.000Z', 120000);
  await decide(byggApp, 'KS § 12, 2016.020', '2016-01-27T14:00:00.000Z');
  const kulturApp = await application(kulturskolan, 'Nordplus Junior', 'denied', '2016-01-20T11:00:00.000Z', '2016-02-01T11:00:00.000Z', 90000);
  await decide(kulturApp, 'KS § 13, 2016.021', '2016-01-27T14:05:00.000Z');

  const visit = async (engagementId: number, direction: 'out' | 'in', from: string, to: string, place: string, participants: number, lead: object) =>
    (
      await db
        .insertInto('visits')
        .values({ engagement_id: engagementId, direction, from_date: from, to_date: to, place, lead_key: 'k', lead_json: JSON.stringify(lead), participants, status: 'done', created_by_key: 'k', created_at: at, cancelled_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const midsummer = await visit(savigny, 'out', '2016-06-24', '2016-06-27', 'Savigny-le-Temple', 10, mats);
  await db
    .insertInto('visit_reports')
    .values({ visit_id: midsummer, version: 1, purpose: '30-årsjubileum', activities: 'Jubileumsfirande, förnyat vänortsfördrag', participants: 'Vänortsföreningen', results: 'Fördraget förnyat', costs: '—', follow_ups: 'Danslägret i juli', filed_by_key: 'k', filed_by_json: JSON.stringify(mats), filed_at: '2016-07-01T09:00:00.000Z' })
    .execute();
  await visit(cesis, 'out', '2016-07-28', '2016-07-31', 'Cesis', 4, mette);

  await db
    .insertInto('deadlines')
    .values({ title: 'ICLD-ansökan stänger', due_date: '2016-10-15', due_time: null, due_at: '2016-10-15T21:59:59.000Z', engagement_id: icld, committee_id: 'ks', owner_key: 'k', owner_json: JSON.stringify(mette), channels_json: '[]', remind_days: '30,14,7,1', status: 'done', done_at: '2016-10-10T09:00:00.000Z', done_by_json: JSON.stringify(mette), created_by_key: 'k', created_at: at })
    .execute();
}
