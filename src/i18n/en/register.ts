export const register = {
  'register.error.noSheet': 'The file has no sheet or columns the register knows (engagements, calls, deadlines, visits).',
  'register.error.unknownColumn': 'The column “{column}” is not one the register knows.',
  'register.error.missing': 'The column {column} must be filled in.',
  'register.match.unknownId': 'There is no engagement with id {id}.',
  'register.match.duplicate': 'The same title and committee as row {row}.',
  'register.match.unknownCallId': 'There is no funding call with id {id}.',
  'register.match.duplicateCall': 'The same name as row {row}.',
  'register.match.unknownDeadlineId': 'There is no deadline with id {id}.',
  'register.match.duplicateDeadline': 'The same title and engagement as row {row}.',
  'register.match.unknownVisitId': 'There is no visit with id {id}.',
  'register.match.duplicateVisit': 'The same engagement and first day as row {row}.',
};
