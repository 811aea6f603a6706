import { can, type RecordType } from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import { useAddComment, useComments } from '../hooks/useComments';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';

export type CommentThreadSlot = 'root' | 'title' | 'list' | 'comment' | 'meta' | 'body' | 'form';

export interface CommentThreadProps {
  recordType: RecordTypeRef<RecordType>;
  id: string;
  className?: string;
  classNames?: ClassNames<CommentThreadSlot>;
}

/** A record's discussion, oldest first, and a box to add to it when the user may. */
export function CommentThread({ recordType, id, className, classNames }: CommentThreadProps) {
  const { t, format, principal } = useQms();
  const type = useRecordType(recordType);
  const slots = useSlots('comments', className, classNames);
  const headingId = useId();
  const comments = useComments(type, id);
  const addComment = useAddComment(type, id);
  const [body, setBody] = useState('');
  const mayComment = principal !== undefined && can(principal, type, 'comment');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    addComment.mutate(body.trim(), { onSuccess: () => setBody('') });
  };

  return (
    <section className={slots('root')} aria-labelledby={headingId}>
      <h3 id={headingId} className={slots.ui('heading', slots('title'))}>
        {t('detail.comments')}
      </h3>
      {comments.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : comments.isError ? (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, comments.error)}
        </p>
      ) : (comments.data ?? []).length === 0 ? (
        <p className={slots.ui('hint')}>{t('detail.noComments')}</p>
      ) : (
        <ol className={slots('list')}>
          {(comments.data ?? []).map((comment) => (
            <li key={comment.id} className={slots('comment')}>
              <p className={slots('meta')}>
                <strong>{comment.authorName}</strong>
                {' · '}
                <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
              </p>
              <p className={slots('body')}>{comment.body}</p>
            </li>
          ))}
        </ol>
      )}
      {comments.hasNextPage && (
        <button type="button" className={slots.ui('button')} onClick={() => void comments.fetchNextPage()}>
          {t('common.loadMore')}
        </button>
      )}
      {mayComment && (
        <form className={slots('form')} onSubmit={submit}>
          <div className={slots.ui('field')}>
            <label className={slots.ui('label')} htmlFor={`${headingId}-body`}>
              {t('detail.commentLabel')}
            </label>
            <textarea
              id={`${headingId}-body`}
              className={slots.ui('textarea')}
              rows={3}
              maxLength={10_000}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          </div>
          {addComment.isError && (
            <p className={slots.ui('error')} role="alert">
              {describeError(t, addComment.error)}
            </p>
          )}
          <button
            type="submit"
            className={slots.ui('button')}
            disabled={addComment.isPending || !body.trim()}
          >
            {t('detail.commentSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}
