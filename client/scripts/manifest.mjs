// Writes the fields of package.json the extension client owns (contributes, activationEvents,
// capabilities, l10n, icon, galleryBanner, keywords) and leaves every other field as it is.
// The `policyReview.relationships` properties and their nls descriptions come from the rule packs
// in rules/, so a renamed or added relationship shows up in the settings UI after a re-run:
//   node client/scripts/manifest.mjs          writes package.json and the package.nls files
//   node client/scripts/manifest.mjs --check  writes nothing; exits 1 if they are out of date
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Finding kinds and the review's defaults, declared once for the core and the manifest.
const registry = JSON.parse(readFileSync(join(root, 'core', 'src', 'judgement', 'kinds.json'), 'utf8'));
const defaults = registry.review;
const check = process.argv.includes('--check');
const stale = [];
const read = (f) => JSON.parse(readFileSync(join(root, f), 'utf8'));
const write = (f, v) => {
  const text = JSON.stringify(v, null, 2) + '\n';
  if (readFileSync(join(root, f), 'utf8') === text) return;
  if (check) stale.push(f);
  else writeFileSync(join(root, f), text);
};

// --- Relationships and elements of the built-in rule packs --------------------------------------
const rulesDir = join(root, 'rules');
const packFiles = existsSync(rulesDir)
  ? readdirSync(rulesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort()
  : [];
/** @type {{id: string, name: string, nameEn?: string, explanation: string, explanationEn?: string, kind: string}[]} */
const defs = [];
for (const f of packFiles) {
  const pack = JSON.parse(readFileSync(join(rulesDir, f), 'utf8'));
  for (const r of pack.relationships ?? []) defs.push({ ...r, kind: 'relationship' });
  for (const e of pack.elements ?? []) defs.push({ ...e, kind: 'element' });
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'];
const severityEnumDescriptions = SEVERITIES.map((s) => `%config.severity.${s}%`);
/** Schema of one `policyReview.relationships` entry. */
const relationshipSetting = (description) => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties: {
    enabled: { type: 'boolean', default: true, description: '%config.relationships.enabled%' },
    severity: {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: severityEnumDescriptions,
      description: '%config.relationships.severity%',
    },
  },
  additionalProperties: false,
});
const relKey = (id) => `config.relationships.${id}`;

// --- Commands, views, menus ------------------------------------------------------------------------
const reviewedEditor = 'editorLangId in policyReview.languageIds';
const commands = [
  {
    command: 'policyReview.insertRelationshipSection',
    title: '%command.insertRelationshipSection.title%',
    category: '%category%',
    icon: '$(add)',
  },
  { command: 'policyReview.showCoverage', title: '%command.showCoverage.title%', category: '%category%' },
  { command: 'policyReview.restartServer', title: '%command.restartServer.title%', category: '%category%' },
  {
    command: 'policyReview.getCoverageViewState',
    title: '%command.getCoverageViewState.title%',
    category: '%category%',
  },
];

const contributes = {
  configuration: {
    title: '%config.title%',
    properties: {
      'policyReview.languageIds': {
        type: 'array',
        items: { type: 'string' },
        default: ['plaintext', 'markdown', 'text'],
        uniqueItems: true,
        scope: 'window',
        order: 0,
        description: '%config.languageIds%',
      },
      'policyReview.useBuiltinRules': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        order: 1,
        description: '%config.useBuiltinRules%',
      },
      'policyReview.rulePacks': {
        type: 'array',
        items: { type: 'string' },
        default: [],
        scope: 'resource',
        order: 2,
        description: '%config.rulePacks%',
      },
      'policyReview.relationships': {
        type: 'object',
        default: {},
        scope: 'resource',
        order: 3,
        description: '%config.relationships%',
        properties: Object.fromEntries([
          ...defs.map((d) => [d.id, relationshipSetting(`%${relKey(d.id)}%`)]),
          ['outline', relationshipSetting('%config.relationships.outline%')],
        ]),
        additionalProperties: relationshipSetting(),
      },
      'policyReview.minMentions': {
        type: 'integer',
        default: defaults.minMentions,
        minimum: 1,
        scope: 'resource',
        order: 4,
        description: '%config.minMentions%',
      },
      'policyReview.balanceRatio': {
        type: 'number',
        default: defaults.balanceRatio,
        minimum: 0,
        maximum: 1,
        scope: 'resource',
        order: 5,
        description: '%config.balanceRatio%',
      },
      'policyReview.unbalancedMinLarger': {
        type: 'integer',
        default: defaults.unbalancedMinLarger,
        minimum: 1,
        scope: 'resource',
        order: 6,
        description: '%config.unbalancedMinLarger%',
      },
      'policyReview.scope': {
        type: 'string',
        enum: ['auto', 'always'],
        enumDescriptions: ['%config.scope.auto%', '%config.scope.always%'],
        default: defaults.scope,
        scope: 'resource',
        order: 7,
        description: '%config.scope%',
      },
      'policyReview.maxFileSize': {
        type: 'integer',
        default: defaults.maxFileSize,
        minimum: 0,
        scope: 'resource',
        order: 8,
        description: '%config.maxFileSize%',
      },
      'policyReview.severities': {
        type: 'object',
        default: {},
        scope: 'resource',
        order: 9,
        description: '%config.severities%',
        properties: Object.fromEntries(
          Object.entries(registry.kinds).map(([kind, { severity: def }]) => [
            kind,
            {
              type: 'string',
              enum: SEVERITIES,
              enumDescriptions: severityEnumDescriptions,
              default: def,
              description: `%config.severities.${kind}%`,
            },
          ]),
        ),
        additionalProperties: false,
      },
      'policyReview.segmenter': {
        type: 'string',
        enum: ['node-rs', 'nodejieba', 'wasm'],
        enumDescriptions: ['%config.segmenter.node-rs%', '%config.segmenter.nodejieba%', '%config.segmenter.wasm%'],
        default: 'node-rs',
        scope: 'window',
        order: 10,
        description: '%config.segmenter%',
      },
      'policyReview.debounceMs': {
        type: 'integer',
        default: 200,
        minimum: 0,
        maximum: 5000,
        scope: 'window',
        order: 11,
        description: '%config.debounceMs%',
      },
      'policyReview.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        enumDescriptions: ['%config.trace.off%', '%config.trace.messages%', '%config.trace.verbose%'],
        default: 'off',
        scope: 'window',
        order: 12,
        description: '%config.trace.server%',
      },
    },
  },
  commands,
  menus: {
    commandPalette: [
      { command: 'policyReview.insertRelationshipSection', when: reviewedEditor },
      { command: 'policyReview.getCoverageViewState', when: 'false' },
    ],
    'editor/context': [
      { command: 'policyReview.insertRelationshipSection', when: reviewedEditor, group: '1_modification@90' },
    ],
    'view/title': [
      {
        command: 'policyReview.insertRelationshipSection',
        when: 'view == policyReview.coverage && policyReview.coverageState == ready',
        group: 'navigation',
      },
    ],
    'view/item/context': [
      {
        command: 'policyReview.insertRelationshipSection',
        when: 'view == policyReview.coverage && viewItem =~ /^(relationship\\.(missing|one-sided|unbalanced)|element\\.missing)$/',
        group: 'inline',
      },
      {
        command: 'policyReview.insertRelationshipSection',
        when: 'view == policyReview.coverage && viewItem =~ /^(relationship|element)\\./',
        group: '1_modification',
      },
    ],
  },
  views: {
    explorer: [
      {
        id: 'policyReview.coverage',
        name: '%view.coverage.name%',
        contextualTitle: '%displayName%',
        icon: '$(checklist)',
      },
    ],
  },
  viewsWelcome: [
    {
      view: 'policyReview.coverage',
      contents: '%viewsWelcome.coverage.noDraft%',
      when: 'policyReview.coverageState != loading && policyReview.coverageState != skipped && policyReview.coverageState != error',
    },
    {
      view: 'policyReview.coverage',
      contents: '%viewsWelcome.coverage.loading%',
      when: 'policyReview.coverageState == loading',
    },
  ],
  jsonValidation: [
    {
      fileMatch: ['**/*.policy-rules.json', '**/rules/*.json', '!**/rules/rule-pack.schema.json'],
      url: './rules/rule-pack.schema.json',
    },
  ],
};

const pkg = read('package.json');
Object.assign(pkg, {
  icon: 'images/icon.png',
  galleryBanner: { color: '#8E1B1B', theme: 'dark' },
  keywords: ['policy', 'chinese', 'review', 'lint', 'language server', '政策', '公文', '审校', '文稿'],
  activationEvents: [
    'onLanguage:plaintext',
    'onLanguage:markdown',
    'onCommand:policyReview.insertRelationshipSection',
    'onCommand:policyReview.showCoverage',
    'onCommand:policyReview.restartServer',
    'onCommand:policyReview.getCoverageViewState',
    'onView:policyReview.coverage',
  ],
  capabilities: {
    untrustedWorkspaces: {
      supported: 'limited',
      description: '%capabilities.untrustedWorkspaces%',
      restrictedConfigurations: ['rulePacks', 'segmenter', 'maxFileSize', 'languageIds', 'relationships', 'severities'].map((k) => `policyReview.${k}`),
    },
  },
  l10n: './l10n',
  contributes,
});
if (!existsSync(join(root, pkg.icon))) delete pkg.icon;
write('package.json', pkg);

// --- nls: one description per relationship/element, from the rule packs --------------------------
const syncNls = (file, describe) => {
  const generated = Object.fromEntries(defs.map((d) => [relKey(d.id), describe(d)]));
  const isGenerated = (key) =>
    key.startsWith('config.relationships.') && !['enabled', 'severity', 'outline'].includes(key.slice(21));
  const out = {};
  for (const [key, value] of Object.entries(read(file))) {
    if (isGenerated(key)) continue;
    out[key] = value;
    if (key === 'config.relationships.outline') Object.assign(out, generated);
  }
  Object.assign(out, generated);
  write(file, out);
};
/** First sentence of an explanation: the settings UI shows a line, not a paragraph. */
const firstSentence = (text, end) => {
  const i = text.search(end);
  return i < 0 ? text : text.slice(0, i + 1);
};
syncNls('package.nls.zh-cn.json', (d) =>
  `${d.kind === 'element' ? '要素' : '关系'}“${d.name}”：${firstSentence(d.explanation, /[。！？]/)}`,
);
syncNls('package.nls.json', (d) =>
  `${d.kind === 'element' ? 'Element' : 'Relationship'} “${d.nameEn ?? d.name}”: ${firstSentence(d.explanationEn ?? d.explanation, /[.!?](\s|$)/)}`,
);
if (check && stale.length) {
  console.error(`Out of date with rules/ (run node client/scripts/manifest.mjs): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(`package.json: ${defs.length} relationships/elements from ${packFiles.length} rule pack(s)${check ? ', up to date' : ''}`);
