export const scheduler = {
} as const;
