import { users, findUser } from './users'
import type { ShopUser } from './users'

export function UserSwitcher({
  user,
  onSignIn,
}: {
  user: ShopUser
  onSignIn(user: ShopUser): void
}) {
  return (
    <label>
      Signed in as{' '}
      <select value={user.id} onChange={(event) => onSignIn(findUser(event.target.value))}>
        {users.map(({ id, name, email, plan }) => (
          <option key={id} value={id}>
            {name} ({email}, {plan})
          </option>
        ))}
      </select>
    </label>
  )
}
