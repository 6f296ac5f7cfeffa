// The kit's elements are registered before Angular renders anything: they upgrade at once, before
// the app has fetched its token (they wait for it: no request without credentials).
import 'reseller-elements/define/provider';
import 'reseller-elements/define/customer-table';
import {bootstrapApplication} from '@angular/platform-browser';
import {provideBrowserGlobalErrorListeners, provideZonelessChangeDetection} from '@angular/core';
import {App} from './app/app';

bootstrapApplication(App, {providers: [provideBrowserGlobalErrorListeners(), provideZonelessChangeDetection()]}).catch((error: unknown) => console.error(error));
