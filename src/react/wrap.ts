/**
 * One React component for one kit element: `@lit/react`'s `createComponent` with the host's React
 * (an optional peer dependency) and the element's typed event props from ./events.ts. Each
 * `src/react/<name>.ts` entry wraps the element(s) its define module registers.
 */
import * as React from 'react';
import {createComponent} from '@lit/react';
import {eventsOf, type WrappedTag} from './events.js';

export function wrap<I extends HTMLElement, T extends WrappedTag>(tagName: T, elementClass: new () => I, displayName: string) {
  return createComponent({react: React, tagName, elementClass, events: eventsOf(tagName), displayName});
}

/**
 * A component's props with some typed more narrowly than the element's property, which accepts
 * (and warns about) any value at run time: `perPage` takes the page sizes only.
 */
export type Narrowed<C, P extends object> = C extends React.ForwardRefExoticComponent<infer Props>
  ? React.ForwardRefExoticComponent<Omit<Props, keyof P> & P>
  : never;
