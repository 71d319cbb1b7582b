import { type ComponentPropsWithoutRef, forwardRef } from 'react'
import { promptMessages } from '../i18n/messages'
import { useMessages } from '../i18n/use-messages'
import { usePromptContext } from './prompt-context'

export type PromptAttachmentsProps = ComponentPropsWithoutRef<'input'>

/**
 * "Attach files": a file picker for images, video, audio, PDF and text, the list of files
 * read so far with a Remove button each, and "Reading files…" while they are read. The
 * ref and props go to the file input.
 */
export const PromptAttachments = forwardRef<HTMLInputElement, PromptAttachmentsProps>(
  function PromptAttachments(props, ref) {
    const translate = useMessages(promptMessages)
    const { id, attachments, attach, remove, reading, disabled } = usePromptContext('Attachments')
    return (
      <>
        <label htmlFor={`${id}-files`} data-kvid-prompt-attach="">
          {translate('prompt.attach')}
        </label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept="image/*,video/*,audio/*,application/pdf,text/*"
          // One pick at a time: the limit is checked against the files already read.
          disabled={reading || disabled}
          ref={ref}
          {...props}
          onChange={(event) => {
            void attach(event.target.files)
            event.target.value = ''
          }}
        />
        {attachments.length > 0 && (
          <ul aria-label={translate('prompt.attachments')} data-kvid-prompt-files="">
            {attachments.map((file, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same file may be attached twice
              <li key={`${file.name}-${index}`} data-type={file.type}>
                {file.name}
                <button
                  type="button"
                  aria-label={translate('prompt.remove', { name: file.name })}
                  onClick={() => remove(index)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {reading && <p role="status">{translate('prompt.reading')}</p>}
      </>
    )
  },
)
