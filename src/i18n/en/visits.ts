export const visits = {
} as const;
