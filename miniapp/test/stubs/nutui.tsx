/**
 * NutUI under jest: its package entry is a UMD bundle that fails in jsdom
 * (canvas), so components come from the per-component CommonJS builds.
 */
export { default as Button } from '@nutui/nutui-react-taro/dist/cjs/packages/button';
export { default as Input } from '@nutui/nutui-react-taro/dist/cjs/packages/input';
export { default as Dialog } from '@nutui/nutui-react-taro/dist/cjs/packages/dialog';
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/cjs/packages/skeleton';
export { default as Switch } from '@nutui/nutui-react-taro/dist/cjs/packages/switch';
export { default as SearchBar } from '@nutui/nutui-react-taro/dist/cjs/packages/searchbar';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/cjs/packages/textarea';
export { default as Progress } from '@nutui/nutui-react-taro/dist/cjs/packages/progress';
