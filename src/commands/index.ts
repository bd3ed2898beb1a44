export { parseCommand } from './parse.ts';
export { readCommandForm } from './form-args.ts';
export { registerHelp, findTopic, helpListCard, helpCommandCard } from './help.ts';
export { commandSpecs, specFor } from './specs.ts';
export { helpKey } from './spec-types.ts';
export type { CommandSpec, IdKind, ValueKind, PositionalSpec, KeySpec, FlagSpec, HelpPart } from './spec-types.ts';
export { idLetters } from './values/scalars.ts';
