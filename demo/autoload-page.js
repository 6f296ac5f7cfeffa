// The autoloader page's glue, plain JavaScript with no build step (demo/autoload.html). The dev
// token comes from the server as a module and goes to the provider as a property, in memory only;
// this runs before the autoloader, and Lit keeps the property when the element upgrades later.
import {token} from '/demo-config.js';

document.getElementById('provider').token = token;

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main').focus();
});

// A tag that appears later: the autoloader's observer sees it and loads the chart's code then.
document.getElementById('show-usage').addEventListener(
  'click',
  (event) => {
    event.currentTarget.disabled = true;
    document.getElementById('usage').append(document.createElement('reseller-usage-chart'));
  },
  {once: true},
);
