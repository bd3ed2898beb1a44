export const errors = {
  'error.internal': 'Something went wrong on our side. Nothing was saved. Try again in a minute; if it keeps happening, tell your coordinator.',
  'error.renderFailed': 'The document could not be prepared because of a fault in Samverkan. Nothing was saved or changed. Try again, and tell whoever runs Samverkan if it happens again.',
  'error.renderTimedOut': 'Preparing the document took too long, so it was stopped. Nothing was saved or changed. Try again in a while.',
  'error.renderBusy': 'Many documents are being prepared right now, and yours did not fit in the queue. Nothing was saved or changed. Try again in a while.',
  'error.notAvailable': '“{command}” is not available yet in this version of Samverkan.',
  'error.unknownAction': 'That button is no longer in use. Nothing was changed.',
  'error.tenantNotAllowed': 'This workspace is not connected to Samverkan. Ask your coordinator to add it to the configuration.',
  'error.unknownPerson': 'I don’t know {person}. Mention them (@name) or use the e-mail address of someone who has used Samverkan.',
  'error.ambiguousPerson': 'More than one person is called {person}. Mention them so I know who you mean.',
  'error.unknownCommittee': 'There is no committee “{committee}”. Committees: {known}.',
  'error.notFound': '{id} does not exist.',
} as const;
