import { mount } from 'svelte';
import './app.css';
import App from './components/App.svelte';

mount(App, { target: document.getElementById('app')! });

// --- offline capture: the queue of live-mode changes, and the service worker keeping the app
// shell (a production build only: `vite dev` serves no sw.js).
import { startOffline } from './lib/offline/queue.svelte';
void startOffline();
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('service worker', e));
