/**
 * "Medlemmer": a search by name, phone or member number whose address can be
 * bookmarked (/bo/members?q=…&page=…), the members found with a link to each
 * one's page (/bo/members/<id>), and the changes the signed-in account made
 * to members (/bo/members?log=mine).
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoAudit, BoMemberSearch } from '../../contract/backoffice/members';
import type { Shown } from '../../core/i18n';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import { Link, useRoute } from '../router';
import { useSession } from '../session';
import { EntriesTable, shownPhone } from './MemberPage';
import '../members.css';

function MyChanges() {
  const { t } = useBo();
  const { session } = useSession();
  const [audit, setAudit] = useState<BoAudit | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const accountId = session && session !== 'checking' ? session.account.accountId : null;
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    call('audit.list', { accountId, page: 0 }).then(
      (answer) => live && setAudit(answer),
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, [accountId]);
  return (
    <section
      className="bo-card bo-members-block"
      aria-labelledby="members-mine-title"
      data-testid="members-mine"
    >
      <h2 id="members-mine-title">{t('members.search.mineTitle')}</h2>
      <Alert kind="error" shown={problem} />
      {audit && audit.entries.length === 0 && (
        <p className="bo-empty">{t('members.search.mineNone')}</p>
      )}
      {audit && audit.entries.length > 0 && (
        <EntriesTable entries={audit.entries} withMember withWho={false} />
      )}
    </section>
  );
}

export function MembersPage() {
  const { t, date } = useBo();
  const { search, navigate } = useRoute();
  const { session } = useSession();
  const q = search.get('q') ?? '';
  const page = Math.max(0, Number(search.get('page') ?? '0') || 0);
  const showMine = search.get('log') === 'mine';
  // What is typed, kept for the search it was typed over (a new address starts from its own q).
  const [draft, setDraft] = useState({ q, text: q });
  const typed = draft.q === q ? draft.text : q;
  const setTyped = (text: string) => setDraft({ q, text });
  // The answer, kept with the search it answers (another address shows none of it).
  const [answered, setAnswered] = useState<{ key: string; found: BoMemberSearch } | null>(null);
  const key = `${page}\u001f${q}`;
  const found = q.trim() !== '' && answered?.key === key ? answered.found : null;
  const form = useCommandForm();
  const { run } = form;
  const isOwner = session !== null && session !== 'checking' && session.account.role === 'owner';

  useEffect(() => {
    if (q.trim() === '') return;
    let live = true;
    void run(() => call('members.search', { q, page })).then((answer) => {
      if (live && answer) setAnswered({ key: `${page}\u001f${q}`, found: answer });
    });
    return () => {
      live = false;
    };
  }, [q, page, run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/members?q=${encodeURIComponent(typed.trim())}`);
  };
  const goTo = (to: number) => navigate(`/members?q=${encodeURIComponent(q)}&page=${to}`);

  return (
    <section className="bo-page" aria-labelledby="members-title">
      <header className="bo-page-head bo-members-head">
        <div>
          <h1 id="members-title">{t('members.search.title')}</h1>
          <p className="bo-lead">{t('members.search.lead')}</p>
        </div>
        <Link to="/members?log=mine" className="btn btn-small" testId="members-mine-link">
          {t('members.search.mine')}
        </Link>
      </header>
      <form className="bo-card bo-members-search" onSubmit={submit} role="search" noValidate>
        <TextField
          label={t('members.search.label')}
          value={typed}
          onChange={setTyped}
          hint={t('members.search.hint')}
          autofocus
          spellCheck={false}
          error={form.fieldError('q')}
          testId="members-q"
        />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={form.busy}
          data-testid="members-find"
        >
          {t('members.search.submit')}
        </button>
      </form>
      <Alert kind="error" shown={form.formError(['q'])} />
      {search.get('erased') && (
        <Alert kind="ok" shown={t('members.privacy.erased')} testId="members-erased" />
      )}
      {!isOwner && found && found.members.length > 0 && (
        <p className="bo-hint">{t('members.search.masked')}</p>
      )}
      {found && found.members.length === 0 && (
        <p className="bo-empty" data-testid="members-none">
          {t('members.search.none', { q })}
        </p>
      )}
      {found && found.members.length > 0 && (
        <div className="bo-card bo-members-block bo-members-results">
          <table className="bo-table" data-testid="members-results">
            <thead>
              <tr>
                <th scope="col">{t('members.col.name')}</th>
                <th scope="col">{t('members.col.phone')}</th>
                <th scope="col">{t('members.col.number')}</th>
                <th scope="col">{t('members.col.enrolled')}</th>
              </tr>
            </thead>
            <tbody>
              {found.members.map((member) => (
                <tr key={member.memberId} data-testid="member-row">
                  <th scope="row">
                    <Link to={`/members/${encodeURIComponent(member.memberId)}`}>
                      {member.name ?? t('members.unnamed')}
                    </Link>
                  </th>
                  <td className="bo-nowrap">{member.phone ? shownPhone(member.phone) : ''}</td>
                  <td className="bo-nowrap">{member.memberNumber}</td>
                  <td className="bo-nowrap">{date(member.enrolledAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(page > 0 || found.more) && (
            <nav
              className="bo-actions bo-pager"
              aria-label={t('members.search.page', { page: page + 1 })}
            >
              <button
                type="button"
                className="btn btn-small"
                disabled={page === 0}
                onClick={() => goTo(page - 1)}
              >
                {t('members.search.prev')}
              </button>
              <span>{t('members.search.page', { page: page + 1 })}</span>
              <button
                type="button"
                className="btn btn-small"
                disabled={!found.more}
                onClick={() => goTo(page + 1)}
                data-testid="members-next"
              >
                {t('members.search.next')}
              </button>
            </nav>
          )}
        </div>
      )}
      {showMine && <MyChanges />}
    </section>
  );
}
