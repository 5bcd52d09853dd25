// A message whose placeholders may be elements, not only text: a name shown inside a sentence
// keeps its own `lang` (a French sentence naming something that has only an English name marks
// that name lang="en"). The catalogue's wording is used as it is; each element takes its
// placeholder's place.

import { Fragment, isValidElement, type ReactNode } from 'react';
import { type MessageParams, useI18n } from './i18n-provider';
import type { MessageKey } from './messages.en';

export type RichParams = Record<string, string | number | ReactNode>;

const mark = '\u0001';

/** Fills `key` with `params`; elements among them are placed where their placeholder stands. */
export function useRichMessage(): (key: MessageKey, params: RichParams) => ReactNode {
  const { t } = useI18n();
  return (key, params) => {
    const plain: MessageParams = {};
    const nodes: ReactNode[] = [];
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'string' || typeof value === 'number') plain[name] = value;
      else if (isValidElement(value)) {
        plain[name] = `${mark}${nodes.length}${mark}`;
        nodes.push(value);
      } else plain[name] = value == null ? '' : String(value);
    }
    const text = t(key, plain);
    if (nodes.length === 0) return text;
    const parts = text.split(new RegExp(`${mark}(\\d+)${mark}`));
    return parts.map((part, index) => (
      // Odd parts are the indexes of the elements the split matched.
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence
      <Fragment key={index}>{index % 2 === 1 ? nodes[Number(part)] : part}</Fragment>
    ));
  };
}

/** `text`, in a `<span lang>` only when it needs one (a plain string otherwise). */
export function langText(text: string, lang: string | undefined): ReactNode {
  return lang ? <span lang={lang}>{text}</span> : text;
}

/** `<RichMessage k="…" params={{ name: <NameText … /> }} />`. */
export function RichMessage({ k, params }: { k: MessageKey; params: RichParams }) {
  const rich = useRichMessage();
  return <>{rich(k, params)}</>;
}
