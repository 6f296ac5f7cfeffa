import {LitElement, css, html, nothing, type PropertyValues} from 'lit';
import {Task, TaskStatus} from '@lit/task';
import {ApiController, resellerAccess, type ResellerAccess} from '../../src/controllers/api-controller.js';
import type {Me} from '../../src/contract/schemas.js';

/**
 * Story-only probe: shows `GET /me` through the client of the `<reseller-provider>` around it,
 * with the states every element has (loading, data, error with retry, "reseller access
 * required"). Its `data-state` attribute (`loading`, `ready`, `denied`, `error`) lets tests and
 * the story smoke test wait for a settled render.
 *
 * @tag story-me-probe
 * @csspart loading - The loading message.
 * @csspart error - The error message and retry button.
 * @csspart denied - The "reseller access required" message.
 */
export class StoryMeProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-inline-size: 36rem;
      padding: 1rem;
      border: 1px solid color-mix(in oklab, currentColor 25%, transparent);
      border-radius: 0.5rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.25rem 1rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    button {
      font: inherit;
      padding: 0.25rem 0.75rem;
      border-radius: 0.25rem;
      border: 1px solid currentColor;
      background: var(--reseller-color-brand, #0b57d0);
      color: white;
    }
  `;

  readonly #api = new ApiController(this);

  readonly #me = new Task(this, {
    args: () => [this.#api.client] as const,
    task: async ([client], {signal}): Promise<{access: ResellerAccess; me: Me | null}> => {
      const access = await resellerAccess(client, {signal});
      return {access, me: access === 'granted' ? await client.getMe({signal}) : null};
    },
  });

  /** Loads `/me` again. */
  retry(): void {
    void this.#me.run();
  }

  protected override updated(_changed: PropertyValues<this>): void {
    const status = this.#me.status;
    const state =
      status === TaskStatus.COMPLETE
        ? this.#me.value?.access === 'granted'
          ? 'ready'
          : 'denied'
        : status === TaskStatus.ERROR
          ? 'error'
          : 'loading';
    if (this.dataset.state !== state) this.dataset.state = state;
  }

  protected override render() {
    return this.#me.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      complete: ({access, me}) => (me ? this.#renderMe(me) : this.#renderDenied(access)),
      error: (error) => html`
        <div part="error" role="alert">
          <p>Could not load your organization: ${error instanceof Error ? error.message : String(error)}</p>
          <button type="button" @click=${this.retry}>Retry</button>
        </div>
      `,
    });
  }

  #renderLoading() {
    return html`<p part="loading" role="status" aria-busy="true">Loading…</p>`;
  }

  #renderMe(me: Me) {
    return html`
      <dl>
        <dt>Organization</dt>
        <dd>${me.organization.name} (#${me.organization.id})</dd>
        <dt>Role</dt>
        <dd>${me.role}</dd>
        <dt>User</dt>
        <dd>${me.user.name} &lt;${me.user.email}&gt;</dd>
      </dl>
    `;
  }

  #renderDenied(access: ResellerAccess) {
    return html`
      <div part="denied" role="alert">
        <p><strong>Reseller access required.</strong></p>
        ${access === 'unauthenticated' ? html`<p>Sign in with a reseller account to see this.</p>` : nothing}
        ${access === 'denied' ? html`<p>This account is not a reseller.</p>` : nothing}
      </div>
    `;
  }
}

/** Registers `<story-me-probe>` once; returns the tag. */
export function defineMeProbe(): 'story-me-probe' {
  if (!customElements.get('story-me-probe')) customElements.define('story-me-probe', StoryMeProbe);
  return 'story-me-probe';
}

declare global {
  interface HTMLElementTagNameMap {
    'story-me-probe': StoryMeProbe;
  }
}
