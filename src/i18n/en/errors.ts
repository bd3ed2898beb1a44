export const errors = {
  'error.internal': 'Something went wrong on our side. Nothing was saved. Try again in a minute; if it keeps happening, tell your coordinator.',
  'error.busy': 'Samverkan has too much to do right now, so your command was not carried out. Try again in a minute.',
  'error.answerLost': 'Your command reached Samverkan, but its answer was lost on the way. Check whether it was saved (for example with `/samverkan deadlines`) before you try again.',
  'error.notAvailable': '“{command}” is not available yet in this version of Samverkan.',
  'error.unknownAction': 'That button is no longer in use. Nothing was changed.',
  'error.tenantNotAllowed': 'This workspace is not connected to Samverkan. Ask your coordinator to add it to the configuration.',
  'error.unknownPerson': 'I don’t know {person}. Mention them (@name) or use the e-mail address of someone who has used Samverkan.',
  'error.ambiguousPerson': 'More than one person is called {person}. Mention them so I know who you mean.',
  'error.unknownCommittee': 'There is no committee “{committee}”. Committees: {known}.',
  'error.notFound': '{id} does not exist.',
} as const;
