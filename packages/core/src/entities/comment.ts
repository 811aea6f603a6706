import * as z from 'zod/mini';

export const commentSchema = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
});
export type Comment = z.infer<typeof commentSchema>;

export const commentInputSchema = z.strictObject({
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
});
