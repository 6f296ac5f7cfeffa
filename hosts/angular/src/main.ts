// The kit's elements are registered once, before Angular renders anything.
import 'reseller-elements/define/provider';
import 'reseller-elements/define/customer-table';
import {bootstrapApplication} from '@angular/platform-browser';
import {provideBrowserGlobalErrorListeners, provideZonelessChangeDetection} from '@angular/core';
import {App} from './app/app';

bootstrapApplication(App, {providers: [provideBrowserGlobalErrorListeners(), provideZonelessChangeDetection()]}).catch((error: unknown) => console.error(error));
