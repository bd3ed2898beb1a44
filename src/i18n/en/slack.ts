export const slack = {
} as const;
