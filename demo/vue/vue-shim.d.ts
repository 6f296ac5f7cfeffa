// tsc does not read .vue files (the demo has no vue-tsc): imports of them are components.
declare module '*.vue' {
  import type {DefineComponent} from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
