import { useId, useState } from "react"
import { Check, MessageCircle, UserPlus } from "lucide-react"
import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar"
import { Button } from "@/components/ui/button"
import { appearance, type AppearanceOptions } from "@/lib/appearance"
import { cn } from "@/lib/utils"
import { initialsOf } from "../inline/initials"

/** A number on the card: its label and its value as shown ("4.2k"). */
export interface Stat {
  label: string
  value: string
}

export interface ProfileCardProps extends AppearanceOptions {
  /** The person's name. */
  name?: string
  /** Their role or title. */
  role?: string
  /** A short bio. */
  bio?: string
  /** A photo URL; empty shows the initials. */
  avatarUrl?: string
  /** Numbers under the bio: a label and its value as shown. */
  stats?: Stat[]
  /** Whether the viewer follows them at first. */
  following?: boolean
  /** Show the Message button. */
  showMessage?: boolean
  /** Called with the new state when Follow is toggled. */
  onFollowChange?: (following: boolean) => void
  /** Called when Message is clicked. */
  onMessage?: () => void
}

const DEFAULT_STATS: Stat[] = [
  { label: "Posts", value: "128" },
  { label: "Followers", value: "4.2k" },
  { label: "Following", value: "312" },
]

export default function ProfileCard({
  name = "Maya Patel",
  role = "Senior Product Designer",
  bio = "Designing calm, accessible interfaces for fintech teams. Previously at Linear and Monzo. Based in London.",
  avatarUrl = "",
  stats = DEFAULT_STATS,
  following = false,
  showMessage = true,
  accent = "",
  dark = false,
  size = "md",
  radius = "md",
  onFollowChange,
  onMessage,
}: ProfileCardProps) {
  const look = appearance({ accent, dark, size, radius })
  const nameId = useId()
  const [isFollowing, setIsFollowing] = useState(following)

  function toggleFollow() {
    const next = !isFollowing
    setIsFollowing(next)
    onFollowChange?.(next)
  }

  return (
    <div className={cn(look.className, "w-full max-w-sm p-4")} style={look.style}>
      <article
        aria-labelledby={nameId}
        className="flex flex-col items-center gap-4 rounded-xl border bg-card p-6 text-center text-card-foreground shadow-sm"
      >
        <Avatar className="size-20 text-xl">
          {avatarUrl && <AvatarImage src={avatarUrl} alt={name} />}
          <AvatarFallback className="bg-primary/10 text-xl font-semibold text-primary">
            {initialsOf(name)}
          </AvatarFallback>
        </Avatar>
        <div className="flex flex-col gap-1">
          <h2 id={nameId} className="text-lg font-semibold leading-tight">
            {name}
          </h2>
          <p className="text-sm text-muted-foreground">{role}</p>
        </div>
        {bio && <p className="text-sm text-pretty">{bio}</p>}
        {stats.length > 0 && (
          <dl
            className="grid w-full divide-x rounded-lg border"
            style={{ gridTemplateColumns: "repeat(" + stats.length + ", minmax(0, 1fr))" }}
          >
            {stats.map((stat) => (
              <div key={stat.label} className="flex flex-col-reverse gap-0.5 px-2 py-3">
                <dt className="text-xs text-muted-foreground">{stat.label}</dt>
                <dd className="text-base font-semibold tabular-nums">{stat.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <div className="flex w-full gap-2">
          <Button
            type="button"
            aria-pressed={isFollowing}
            variant={isFollowing ? "outline" : "default"}
            onClick={toggleFollow}
            className="flex-1"
          >
            {isFollowing ? <Check aria-hidden="true" /> : <UserPlus aria-hidden="true" />}
            {isFollowing ? "Following" : "Follow"}
          </Button>
          {showMessage && (
            <Button type="button" variant="outline" onClick={onMessage} className="flex-1">
              <MessageCircle aria-hidden="true" />
              Message
            </Button>
          )}
        </div>
      </article>
    </div>
  )
}
