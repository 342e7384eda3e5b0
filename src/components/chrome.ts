/**
 * What the site chrome does in the browser: the tab bar steps aside while the learner types (the
 * on-screen keyboard would push it over the field), and the service worker is registered with an
 * update prompt — a new version waits until the learner taps 有更新，点此刷新, instead of the old
 * pages being served silently or the page changing under an exam.
 */
import { el } from '../ui/dom.ts';

const TEXT_ENTRY = 'input:not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit]):not([type=file]), textarea, select, [contenteditable="true"]';

addEventListener('focusin', (event) => {
  if (event.target instanceof Element && event.target.matches(TEXT_ENTRY)) document.documentElement.dataset['typing'] = '';
});
addEventListener('focusout', () => {
  delete document.documentElement.dataset['typing'];
});

function offerUpdate(worker: ServiceWorker): void {
  if (document.querySelector('.update-toast')) return;
  const button = el('button', 'primary update-toast', '有更新，点此刷新');
  button.type = 'button';
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = '正在更新……';
    worker.postMessage({ type: 'SKIP_WAITING' });
  });
  document.body.append(button);
}

async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const registration = await navigator.serviceWorker.register('/sw.js');
  // Only a page that already had a worker is being updated; the first install needs no reload.
  const hadController = navigator.serviceWorker.controller !== null;
  if (registration.waiting && hadController) offerUpdate(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
}

addEventListener('load', () => void registerServiceWorker().catch(() => undefined));
