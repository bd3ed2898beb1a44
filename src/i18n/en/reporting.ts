export const reporting = {
} as const;
