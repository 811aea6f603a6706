import * as z from 'zod/mini';

/** The languages Masetra speaks: its screens' catalogs and its e-mails. */
export const supportedLocales = ['en', 'de'] as const;
export const localeSchema = z.enum(supportedLocales);
export type SupportedLocale = z.infer<typeof localeSchema>;

export const userSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  /** The language of the user's e-mails and screens; none means the server's or browser's default. */
  locale: z.optional(localeSchema),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  recordType: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  title: z.string(),
  body: z.nullable(z.string()),
  createdAt: z.iso.datetime(),
  readAt: z.nullable(z.iso.datetime()),
});
export type Notification = z.infer<typeof notificationSchema>;
