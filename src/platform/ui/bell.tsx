/** The header's link to the signed-in user's notifications, with the unread count. */
import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../context.ts';
import { defineMessages, render } from '../i18n.ts';
import { unreadCount } from '../notify.ts';

export const bellText = defineMessages({
  notifications: { id: 'Pemberitahuan', en: 'Notifications' },
  unread: { id: '{n} belum dibaca', en: '{n} unread' },
});

export async function NotificationBell() {
  const c = useRequestContext<AppEnv>();
  const actor = c.get('actor');
  if (!actor?.userId) return null;
  const lang = c.get('lang');
  const n = await unreadCount(c.get('deps').db, actor.userId);
  const label = render(bellText.notifications, lang);
  return (
    <a href="/notifications" class="bell">
      {label}
      {n > 0 && (
        <span class="bell-count" title={render(bellText.unread, lang, { n })}>
          {n > 99 ? '99+' : n}
          <span class="visually-hidden"> {render(bellText.unread, lang, { n })}</span>
        </span>
      )}
    </a>
  );
}
