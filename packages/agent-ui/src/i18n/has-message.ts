import type { Message } from './format-message'

/** Whether a key from elsewhere (a server's `messageKey`, an error code) has a message in `messages`. */
export function hasMessage<Key extends string>(
  messages: Record<Key, Message>,
  key: string,
): key is Key {
  // Own keys only: a server's `messageKey` of `constructor` is not a message.
  return Object.hasOwn(messages, key)
}
