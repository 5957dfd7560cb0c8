/** The go-live report of a run: the verdict per checklist item, and its Markdown and HTML pages. */
export * from './verdict';
export { renderGoLiveMarkdown } from './markdown';
export { renderGoLiveHtml, statusClass } from './html';
