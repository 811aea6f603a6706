// A host's own record type on the generic record page: change control, registered by the host
// with a view of its own ("Impact assessment"), in its own words in both languages. Nothing in
// @masetra/react names it: the badge reads the host machine's tags, the moves its lifecycle.
import {
  type ChangeControl,
  type FixtureUserName,
  fixtureId,
  fixtureTime,
  fixtureUsers,
  hostRegistry,
} from '@masetra/fixtures';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { de } from '../i18n/de';
import type { MessageOverrides } from '../i18n/messages';
import type { QmsThemeName } from '../provider/QmsProvider';
import { useQms } from '../provider/useQms';
import { QmsFixtureProvider } from '../testing/QmsFixtureProvider';
import type { Shown } from '../testing/storyShows';
import { RecordDetail } from './RecordDetail';
import type { RecordViewSectionProps, RecordViews } from './recordView';

const owner = fixtureUsers.oliver.id;

/** A change control as the host's server stores it, in each state of its lifecycle. */
export const fixtureChangeControls = {
  draft: {
    id: fixtureId(901),
    orgId: 'org-acme',
    type: 'change_control',
    number: 'CC-2026-0001',
    state: 'draft',
    version: 2,
    ownerId: owner,
    createdBy: owner,
    createdAt: fixtureTime(20),
    updatedAt: fixtureTime(21, 9, 30),
    title: 'Replace tablet press 2',
    justification: 'End of vendor support; the replacement press is qualified (IQ/OQ 2026-014).',
    riskClass: 'high',
  },
  review: {
    id: fixtureId(902),
    orgId: 'org-acme',
    type: 'change_control',
    number: 'CC-2026-0002',
    state: 'review',
    version: 3,
    ownerId: owner,
    createdBy: owner,
    createdAt: fixtureTime(22),
    updatedAt: fixtureTime(24, 14, 5),
    title: 'Move label printing to line 4',
    justification: 'Line 2 is retired in May; line 4 prints the same label stock.',
    riskClass: 'low',
  },
} satisfies Record<string, ChangeControl>;

/** The host's words: its section's label and its type's states, in English and German. */
const hostMessages = {
  en: {
    'changeControl.impact': 'Impact assessment',
    'changeControl.riskClass': 'Risk class',
    'changeControl.justification': 'Why the change is made',
    'changeControl.unclassified': 'Not yet classified',
    'type.change_control': 'Change control',
    'state.review': 'In review',
  },
  de: {
    'changeControl.impact': 'Folgenabschätzung',
    'changeControl.riskClass': 'Risikoklasse',
    'changeControl.justification': 'Begründung der Änderung',
    'changeControl.unclassified': 'Noch nicht eingestuft',
    'type.change_control': 'Änderungsantrag',
    'state.review': 'In Prüfung',
  },
} satisfies Record<'en' | 'de', MessageOverrides>;

/** The host's own section: how the change is classified and why it is made, in the host's words. */
function ImpactAssessment({ record }: RecordViewSectionProps) {
  const { t, labels } = useQms();
  const text = (key: keyof typeof hostMessages.en) => t.optional(key) ?? key;
  const change = record as unknown as ChangeControl;
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.5rem 1.5rem', margin: 0 }}>
      <dt style={{ fontWeight: 600 }}>{text('changeControl.riskClass')}</dt>
      <dd style={{ margin: 0 }} data-risk={change.riskClass}>
        {change.riskClass ? labels.value(change.riskClass) : text('changeControl.unclassified')}
      </dd>
      <dt style={{ fontWeight: 600 }}>{text('changeControl.justification')}</dt>
      <dd style={{ margin: 0 }}>{change.justification}</dd>
    </dl>
  );
}

/** The host's change control view, as a host passes it to `QmsProvider`. */
export const hostViews: RecordViews = {
  change_control: {
    sections: [{ id: 'impact', label: 'changeControl.impact', component: ImpactAssessment }],
  },
};

interface HostStoryParameters {
  actor?: FixtureUserName;
  locale?: 'en' | 'de';
  theme?: QmsThemeName;
}

/** A provider as the host sets it up: its registry, its views and its messages, on the fixture server. */
const withHost: Decorator = (Story, context) => {
  const host = (context.parameters.host ?? {}) as HostStoryParameters;
  const locale = host.locale ?? (context.globals.locale as 'en' | 'de' | undefined) ?? 'en';
  const actor = host.actor ?? 'oliver';
  return (
    <QmsFixtureProvider
      key={`${context.id}:${locale}`}
      actor={actor}
      serverOptions={{
        registry: hostRegistry,
        records: Object.values(fixtureChangeControls),
        actorId: fixtureUsers[actor].id,
      }}
      registry={hostRegistry}
      views={hostViews}
      theme={host.theme ?? (context.globals.theme as QmsThemeName | undefined)}
      locale={locale === 'de' ? 'de-DE' : 'en'}
      messages={locale === 'de' ? { ...de, ...hostMessages.de } : hostMessages.en}
    >
      <Story />
    </QmsFixtureProvider>
  );
};

const meta = {
  title: 'Records/RecordDetail/Host record type',
  component: RecordDetail,
  decorators: [withHost],
  // The host's data and views, exported for the tests, are no stories.
  excludeStories: ['fixtureChangeControls', 'hostViews'],
  args: {
    recordType: 'change_control',
    id: fixtureChangeControls.draft.id,
    now: '2026-04-15T12:00:00.000Z',
  },
} satisfies Meta<typeof RecordDetail>;

export default meta;
type Story = StoryObj<typeof meta>;

const draft: Shown[] = [
  { role: 'heading', level: 2, name: 'CC-2026-0001 Replace tablet press 2' },
  { role: 'button', name: 'Submit', disabled: false },
  // The host's own section, in the page and in its navigation.
  { role: 'region', name: 'Impact assessment', text: /^Impact assessmentRisk classHigh/ },
  { role: 'link', name: 'Impact assessment' },
];

/** The originator may submit the draft once it is classified and justified. */
export const ChangeControlDraft: Story = { parameters: { shows: draft } };
/** A QA approver (not the originator) may approve it, with an electronic signature. */
export const ChangeControlInReview: Story = {
  args: { id: fixtureChangeControls.review.id },
  parameters: {
    host: { actor: 'dana' },
    shows: [
      { role: 'heading', level: 2, name: 'CC-2026-0002 Move label printing to line 4' },
      { role: 'button', name: 'Approve', disabled: false, description: 'Signed: Approval' },
      { role: 'region', name: 'Impact assessment', text: /^Impact assessmentRisk classLow/ },
    ],
  },
};
export const ChangeControlDark: Story = { parameters: { host: { theme: 'dark' }, shows: draft } };
export const ChangeControlBrand: Story = { parameters: { host: { theme: 'brand' }, shows: draft } };
export const ChangeControlGerman: Story = {
  args: { id: fixtureChangeControls.review.id },
  parameters: {
    host: { locale: 'de', actor: 'dana' },
    shows: [
      { role: 'heading', level: 2, name: 'CC-2026-0002 Move label printing to line 4' },
      { role: 'button', name: 'Freigeben', disabled: false, description: 'Unterschrift: Freigabe' },
      // The host's words in German.
      { role: 'region', name: 'Folgenabschätzung', text: /^FolgenabschätzungRisikoklasse/ },
      { role: 'link', name: 'Folgenabschätzung' },
    ],
  },
};
