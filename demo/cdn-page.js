// The CDN page's glue, plain JavaScript with no build step. The dev token comes from the server as
// a module (never an attribute or URL) and goes to the provider as a property, in memory only.
// This runs before the kit's bundle (document order), so the property is set on the element before
// it upgrades; Lit keeps such a property through the upgrade.
import {token, sampleCustomerId} from '/demo-config.js';

const provider = document.getElementById('provider');
provider.token = token;

if (sampleCustomerId != null) {
  for (const el of document.querySelectorAll('[data-sample-customer]')) {
    el.setAttribute('customer-id', String(sampleCustomerId));
  }
}

// The transcript viewer shows the newest finished transcript (asked with the same token).
fetch('/api/v3/reseller/transcripts?status=done&per_page=25', {headers: {authorization: `Bearer ${token}`}})
  .then((response) => (response.ok ? response.json() : null))
  .then((page) => {
    const newest = page?.data?.[0];
    if (newest) document.querySelector('reseller-transcript-viewer')?.setAttribute('transcription-id', String(newest.id));
  })
  .catch(() => {}); // the viewer then stays empty; the other elements show their own errors

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

// Opening a customer in the table (or the dashboard) shows it in the detail on this page: the
// elements have no detail-href, so they leave navigation to the host through a cancelable event.
document.addEventListener('reseller-customer-open', (event) => {
  if (event.detail.href) return;
  event.preventDefault();
  const detail = document.getElementById('customer');
  detail.setAttribute('customer-id', String(event.detail.id));
  document.getElementById('customer-heading').scrollIntoView({block: 'start'});
});
